"""The web application: home page, resource pages, error shape."""

from __future__ import annotations


def test_home_shows_counts(client) -> None:  # type: ignore[no-untyped-def]
    r = client.get("/")
    assert r.status_code == 200
    assert "alliances" in r.get_data(as_text=True)


def test_actor_page(client) -> None:  # type: ignore[no-untyped-def]
    r = client.get("/actor/ademe")
    assert r.status_code == 200
    assert "ADEME" in r.get_data(as_text=True)


def test_sdg_page(client) -> None:  # type: ignore[no-untyped-def]
    r = client.get("/sdg/12.3")
    assert r.status_code == 200


def test_error_shape_json(client) -> None:  # type: ignore[no-untyped-def]
    r = client.get("/actor/inconnu", headers={"Accept": "application/json"})
    assert r.status_code == 404
    assert set(r.get_json()) >= {"error", "message", "message_fr"}
    assert r.get_json()["error"] == "not_found"


def test_error_page_html(client) -> None:  # type: ignore[no-untyped-def]
    r = client.get("/actor/inconnu")
    assert r.status_code == 404
    assert "Erreur 404" in r.get_data(as_text=True)


def test_warm_builds_every_cache(instance) -> None:  # type: ignore[no-untyped-def]
    from webui.api_reco import recommender_for
    from webui.warmup import warm

    warm(instance)
    rec = recommender_for(instance)
    version = instance.store.version
    caches = (rec.labels, rec.network, rec.actors, rec.alliances, rec.national, rec.partner_levels)
    assert all(c.version == version for c in caches)
    from graph.queries import geo
    from webui import present

    # The map's points and the result cards' facts are built for this version too.
    assert geo._CACHES[instance.store].version == version
    assert present._CACHES[instance.store].version == version
