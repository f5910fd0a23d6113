"""A tiny FR/EN translation helper: `t(key)` in templates, French by default.

Chosen over Flask-Babel for now: one dict, no extraction step. The language comes from `?lang=`,
then the `lang` cookie (set whenever `?lang=` is given), then French.
"""

from __future__ import annotations

from urllib.parse import urlencode

from flask import Flask, Response, request

LANGS = ("fr", "en")

MESSAGES: dict[str, tuple[str, str]] = {
    "skip": ("Aller au contenu", "Skip to content"),
    "nav": ("Navigation principale", "Main navigation"),
    "home": ("Accueil", "Home"),
    "search": ("Rechercher", "Search"),
    "search_label": ("Rechercher un acteur, une alliance, un outil, un territoire…",
                     "Search an actor, an alliance, a tool, a territory…"),
    "tagline": ("Trouvez des partenaires complémentaires pour vos projets de territoire",
                "Find complementary partners for your local projects"),
    "find_partners": ("Trouver des partenaires", "Find partners"),
    "find_partners_help": ("Décrivez vos besoins, nous proposons des acteurs qui y répondent.",
                           "Describe your needs; we suggest actors who meet them."),
    "examples": ("Exemples d'alliances", "Alliance examples"),
    "examples_help": ("Partez d'une idée de projet et découvrez des alliances qui lui ressemblent.",
                      "Start from a project idea and discover similar alliances."),
    "tools": ("Outils", "Tools"),
    "tools_help": ("Guides, méthodes et formations par niveau de maturité.",
                   "Guides, methods and training by maturity level."),
    "where_are_you": ("Où en êtes-vous ?", "Where do you stand?"),
    "where_help": ("Sept questions pour situer votre pratique des alliances.",
                   "Seven questions to assess your alliance practice."),
    "actors": ("acteurs", "actors"), "alliances": ("alliances", "alliances"),
    "tools_n": ("outils", "tools"), "evaluations": ("évaluations", "evaluations"),
    "sdg_targets": ("cibles ODD", "SDG targets"), "territories": ("territoires", "territories"),
    "results_for": ("Résultats pour", "Results for"),
    "all_results": ("Tous les contenus", "Everything"),
    "n_results": ("résultat(s)", "result(s)"),
    "did_you_mean": ("Vouliez-vous dire", "Did you mean"),
    "relaxed": ("Aucun résultat avec tous les mots : voici les résultats avec une partie "
                "d'entre eux.",
                "No result with every word: here are results with some of them."),
    "more_values": ("Plus de choix", "More choices"),
    "filter": ("Filtrer", "Filter"), "apply": ("Appliquer", "Apply"),
    "clear_filters": ("Effacer les filtres", "Clear filters"),
    "no_results": ("Aucun résultat.", "No results."),
    "empty_help": ("Essayez un mot plus général (« eau », « numérique »), retirez des filtres, ou "
                   "partez d'un des parcours ci-dessous.",
                   "Try a broader word (\"water\", \"digital\"), remove filters, or start from one "
                   "of the journeys below."),
    "empty_query": ("Saisissez un mot pour lancer une recherche, ou parcourez les contenus.",
                    "Type a word to search, or browse the content."),
    "bad_filter": ("Un filtre n'est pas reconnu ; il a été ignoré.",
                   "A filter was not recognised and was ignored."),
    "previous": ("Page précédente", "Previous page"), "next": ("Page suivante", "Next page"),
    "page": ("Page", "Page"), "pagination": ("Pagination", "Pagination"),
    "kind.actor": ("Acteur", "Actor"), "kind.alliance": ("Alliance", "Alliance"),
    "kind.tool": ("Outil", "Tool"), "kind.evaluation": ("Évaluation", "Evaluation"),
    "kind.sdg": ("ODD", "SDG"), "kind.territory": ("Territoire", "Territory"),
    "kind.region": ("Région", "Region"), "kind.departement": ("Département", "Département"),
    "kind.commune": ("Commune", "Municipality"),
    "facet.kind": ("Type de contenu", "Content type"),
    "facet.actor_type": ("Type d'acteur", "Actor type"), "facet.sdg": ("ODD", "SDG"),
    "facet.region": ("Région", "Region"), "facet.departement": ("Département", "Département"),
    "facet.maturity": ("Maturité", "Maturity"), "facet.pillar": ("Pilier", "Pillar"),
    "facet.resource_type": ("Ressources", "Resources"), "facet.status": ("Statut", "Status"),
    "facet.tool_kind": ("Type d'outil", "Tool kind"),
    "profile": ("Profil", "Profile"), "type": ("Type", "Type"),
    "territory": ("Territoire", "Territory"), "sdgs": ("ODD", "SDGs"),
    "offers": ("Ce qu'il propose", "What it offers"),
    "needs": ("Ce qu'il recherche", "What it needs"),
    "member_of": ("Alliances", "Alliances"),
    "resource_mix": ("Modèle socio-économique", "Socio-economic model"),
    "share": ("Part du budget", "Share of budget"), "resource": ("Ressource", "Resource"),
    "partners": ("Partenaires complémentaires", "Complementary partners"),
    "reasons": ("Pourquoi", "Why"),
    "introducers": ("Peuvent vous présenter", "Can introduce you"),
    "none": ("Aucun élément pour l'instant.", "Nothing yet."),
    "members": ("Membres et rôles", "Members and roles"), "role": ("Rôle", "Role"),
    "member": ("Membre", "Member"),
    "tools_used": ("Outils utilisés", "Tools used"),
    "analogues": ("Alliances analogues", "Similar alliances"),
    "alike": ("Points communs", "Alike"), "differs": ("Différences", "Differs"),
    "status": ("Statut", "Status"), "description": ("Description", "Description"),
    "website": ("Site web", "Website"), "more": ("Toutes les propriétés", "All properties"),
    "data": ("Données", "Data"),
    "partner_form_intro": ("Vous n'êtes pas encore dans le graphe ? Décrivez votre structure et "
                           "vos besoins.",
                           "Not in the graph yet? Describe your organisation and your needs."),
    "your_type": ("Votre type de structure", "Your kind of organisation"),
    "any": ("— indifférent —", "— any —"),
    "territory_code": ("Votre territoire (commune, code postal, département, région ou "
                       "intercommunalité)",
                       "Your area (municipality, postal code, département, region or "
                       "intercommunality)"),
    "territory_hint": ("Par exemple Lille, 69001, Somme, 80, Hauts-de-France, Métropole de Lyon "
                       "ou departement:80 ; la liste propose départements et régions.",
                       "For example Lille, 69001, Somme, 80, Hauts-de-France, Métropole de Lyon "
                       "or departement:80; the list offers départements and regions."),
    "place_understood": ("Lieu retenu :", "Place understood:"),
    "place_others": ("Ou bien :", "Or:"),
    "idea_territory": ("Votre territoire (facultatif : commune, code postal, département…)",
                       "Your area (optional: municipality, postal code, département…)"),
    "your_needs": ("Vos besoins", "Your needs"), "your_offers": ("Ce que vous proposez",
                                                                 "What you offer"),
    "your_sdgs": ("Vos ODD (numéros séparés par des espaces, ex. « 6 12.3 »)",
                  "Your SDGs (numbers separated by spaces, e.g. \"6 12.3\")"),
    "find": ("Chercher", "Find"), "ranked_partners": ("Partenaires proposés", "Suggested partners"),
    "score": ("Score", "Score"),
    "idea": ("Votre idée de projet", "Your project idea"),
    "idea_hint": ("En quelques phrases, en français : ce que vous voulez faire, pour qui, où.",
                  "A few sentences, in French: what you want to do, for whom, where."),
    "suggested_sdgs": ("Cibles ODD suggérées", "Suggested SDG targets"),
    "matched_words": ("mots reconnus", "matched words"),
    "similar_alliances": ("Alliances qui ressemblent à votre idée",
                          "Alliances similar to your idea"),
    "panorama": ("Panorama des outils", "Tools panorama"),
    "panorama_intro": ("Chaque outil est classé par niveau de maturité (colonnes) et par pilier "
                       "(lignes).", "Each tool is placed by maturity level (columns) and pillar "
                       "(rows)."),
    "pillar": ("Pilier", "Pillar"),
    "tool_kind": ("Type d'outil", "Kind of tool"),
    "tool_audience": ("Pour qui", "For whom"),
    "self_assessment": ("Auto-diagnostic", "Self-assessment"),
    "see_level": ("Voir mon niveau", "See my level"),
    "your_level": ("Votre niveau", "Your level"),
    "your_path": ("Les outils pour progresser", "Tools to progress"),
    "answer_all": ("Répondez aux questions pour obtenir votre niveau.",
                   "Answer the questions to get your level."),
    "about": ("Données : ONU (ODD), INSEE (COG), Carrefour des Innovations Sociales (2019) ; jeu "
              "de démonstration fictif.",
              "Data: UN (SDGs), INSEE (COG), Carrefour des Innovations Sociales (2019); fictional "
              "demonstration data."),
    "footer": ("Alliances — graphe de connaissances des alliances territoriales pour les ODD.",
               "Alliances — a knowledge graph of territorial alliances for the SDGs."),
    "switch_lang": ("English", "Français"),
    "switch_lang_label": ("Read in English", "Lire en français"),
    "error": ("Erreur", "Error"), "back_home": ("Retour à l'accueil", "Back to the home page"),
    "invalid_input": ("Certaines valeurs n'ont pas été comprises : ", "Some values were not "
                      "understood: "),
}


def current_lang() -> str:
    """Interface language: ?lang=, then the cookie, then French."""
    lang = request.args.get("lang") or request.cookies.get("lang") or "fr"
    return lang if lang in LANGS else "fr"


def t(key: str) -> str:
    """The message `key` in the current language (the key itself when unknown)."""
    pair = MESSAGES.get(key)
    if pair is None:
        return key
    return pair[1] if current_lang() == "en" else pair[0]


def pick(fr: str | None, en: str | None) -> str:
    """The English text in English when there is one, else the French."""
    return (en or fr or "") if current_lang() == "en" else (fr or en or "")


def switch_url() -> str:
    """The current URL with the other language."""
    args = [(k, v) for k, v in request.args.items(multi=True) if k != "lang"]
    args.append(("lang", "fr" if current_lang() == "en" else "en"))
    return f"{request.path}?{urlencode(args)}"


def url_with(**changes: object) -> str:
    """The current URL with some query parameters replaced (None removes them)."""
    args = [(k, v) for k, v in request.args.items(multi=True) if k not in changes]
    for key, value in changes.items():
        if value is not None:
            args.append((key, str(value)))
    return f"{request.path}?{urlencode(args)}" if args else request.path


def _remember(response: Response) -> Response:
    lang = request.args.get("lang")
    if lang in LANGS and request.cookies.get("lang") != lang:
        response.set_cookie("lang", lang, max_age=365 * 24 * 3600, samesite="Lax")
    return response


def init_app(app: Flask) -> None:
    """Make `t`, `pick`, `lang`, `switch_url`, `url_with` available to templates."""
    app.jinja_env.globals.update(t=t, pick=pick, switch_url=switch_url, url_with=url_with)
    app.context_processor(lambda: {"lang": current_lang()})
    app.after_request(_remember)
