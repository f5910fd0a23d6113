"""placeholder."""


def init_app(app):
    """Nothing yet."""
