"""Text that XML 1.0 can carry: the one rule every XML writer of the site applies.

XML 1.0 (https://www.w3.org/TR/xml/#charsets) cannot carry the C0 control characters other than
tab, LF and CR, nor U+FFFE and U+FFFF, not even as character references. Imports remove them from
new data; stores filled earlier, and RDF sources, may still hold them, so every XML answer
(RDF/XML, SPARQL XML results, GraphML, GEXF) passes its text through `xml_safe`. No imports
beyond the standard library: the SPARQL worker processes use it too.
"""

from __future__ import annotations

import re

#: Characters outside XML 1.0's `Char` production. Surrogates cannot occur in text read from the
#: store (the engine keeps valid Unicode only), so they are left to the UTF-8 codec.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """`text` without the characters XML 1.0 cannot carry (C0 controls but tab, LF, CR; FFFE/F)."""
    return XML_ILLEGAL.sub("", text) if XML_ILLEGAL.search(text) else text
