"""A few paragraphs typed into the GET forms (/exemples, /partenaires) fit in one request line."""

from __future__ import annotations

from urllib.parse import urlencode

from gunicorn.config import Config

from webui.serving import gunicorn_options

IDEA = (
    "Créer une épicerie solidaire et un jardin partagé pour réduire le gaspillage alimentaire "
    "dans la métropole lilloise, avec les habitants, les écoles et les associations d’insertion. "
)


def test_a_long_french_idea_fits_in_gunicorns_request_line() -> None:
    """The textareas stop at 2000 characters; percent-encoded, that French text (with its
    accents and curly apostrophes) must fit gunicorn's request-line limit, or gunicorn answers
    its own English « 414 URI Too Long » page before the application sees the request."""
    options = gunicorn_options("127.0.0.1", 5000, 1, 8)
    cfg = Config()
    for key, value in options.items():
        cfg.set(key, value)  # gunicorn validates each setting
    idea = (IDEA * 20)[:2000]
    line = f"GET /exemples?{urlencode({'idea': idea, 'territory': 'Lille'})} HTTP/1.1"
    assert len(line) <= cfg.limit_request_line


def test_the_idea_and_project_fields_say_their_length(client) -> None:  # type: ignore[no-untyped-def]
    """The browser stops typing at the length the server reads."""
    for path, name in (("/exemples", "idea"), ("/partenaires", "text")):
        html = client.get(path).get_data(as_text=True)
        assert f'name="{name}" rows=' in html
        tag = html.split(f'name="{name}"', 1)[1].split(">", 1)[0]
        assert 'maxlength="2000"' in tag, (path, tag)
