"""Shipped reference data and the bundled datasets (see SOURCES.md and NOTICE)."""

from pathlib import Path

DATA_DIR = Path(__file__).parent
SDG_KOS_TTL = DATA_DIR / "sdg" / "sdg-kos-goals-targets-indicators.ttl"
SDG_GOALS_FR_YML = DATA_DIR / "sdg" / "global_goals.fr.yml"
SDG_GOALS_EN_YML = DATA_DIR / "sdg" / "global_goals.en.yml"
SDG_TARGETS_FR_YML = DATA_DIR / "sdg" / "global_targets.fr.yml"
SDG_TARGETS_EN_YML = DATA_DIR / "sdg" / "global_targets.en.yml"
COG_DIR = DATA_DIR / "territoires"
GEO_DIR = DATA_DIR / "geo"
DEMO_DIR = DATA_DIR / "demo"
CIS_DIR = DATA_DIR / "cis"
DCAT_AP_SHAPES_DIR = DATA_DIR / "dcat-ap" / "3.0.1"
REAL_DIR = DATA_DIR / "real"
MAPPINGS_DIR = DATA_DIR / "mappings"
DATA_INCLUSION_MAPPINGS = MAPPINGS_DIR / "data-inclusion"
