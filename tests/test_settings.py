"""Specification of `rag.core.settings.Settings`: what it accepts, what it refuses, and how
`NELM_*` environment variables and keyword overrides reach it.

Two kinds of range test, because fields are added over time:
- a known-answer table for the ranges that are part of the product's contract (top_k 1-50,
  the Milan thresholds, ...): the values just outside each end are refused, the ends accepted;
- a sweep over every numeric field that exists (fields added later are covered without
  editing this file): an absurd value is refused naming the field and the value, and the
  range the message states is itself enforced just outside both of its ends.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from rag.core.errors import ConfigError
from rag.core.settings import ENV_PREFIX, Settings

DEFAULTS = {f.name: f.default for f in dataclasses.fields(Settings)}
# Numbers only: bool is an int to Python, but a flag has no range.
NUMERIC = sorted(name for name, value in DEFAULTS.items() if type(value) in (int, float))
RANGE_MESSAGE = re.compile(r"^(?P<name>\w+) must be between (?P<low>\S+) and (?P<high>\S+), was: (?P<value>\S+)$")


def _just_outside(name: str, bound: float, direction: int) -> int | float:
    """The nearest value past `bound` of the field's type: 1 for an int, a millionth for a float."""
    step = 1 if type(DEFAULTS[name]) is int else 1e-6
    return type(DEFAULTS[name])(bound + direction * step)


def _refusal(**values) -> str:
    with pytest.raises(ConfigError) as error:
        Settings(**values)
    return str(error.value)


# --- ranges: the contract -----------------------------------------------------------------

RANGES = [  # (field, lowest accepted, highest accepted), as the product documents them
    ("top_k", 1, 50),
    ("embed_batch_size", 1, 4096),
    ("window_sentences", 1, 10),
    ("rrf_k", 1, 1000),
    ("dense_weight", 0.0, 1.0),
    ("max_question_chars", 1, 100_000),
    ("milan_max_liver_pct", 0.0, 100.0),
    ("milan_min_stable_months", 0.0, 240.0),
    ("milan_max_age", 0.0, 120.0),
    ("milan_max_ki67_pct", 0.0, 100.0),
    ("debulking_min_pct", 0.0, 100.0),
]


@pytest.mark.parametrize("name, bad", [
    pytest.param(name, _just_outside(name, bound, direction), id=f"{name}-{end}")
    for name, low, high in RANGES
    for bound, direction, end in ((low, -1, "below"), (high, +1, "above"))
])
def test_a_value_just_out_of_range_is_refused_naming_the_field_and_the_value(name, bad):
    message = _refusal(**{name: bad})
    assert message.startswith(f"{name} must be between ") and message.endswith(f"was: {bad}"), message


@pytest.mark.parametrize("name, value", [
    pytest.param(name, value, id=f"{name}-{end}")
    for name, low, high in RANGES
    for value, end in ((low, "lowest"), (high, "highest"))
])
def test_the_ends_of_each_range_are_accepted(name, value):
    assert getattr(Settings(**{name: value}), name) == value


# --- ranges: every numeric field, whatever fields exist --------------------------------------

def test_the_sweep_sees_the_fields_of_the_contract():
    """Guards the sweep below against finding nothing (e.g. if defaults changed type)."""
    assert {name for name, _, _ in RANGES} <= set(NUMERIC)


@pytest.mark.parametrize("name", NUMERIC)
@pytest.mark.parametrize("direction", [-1, +1], ids=["huge-negative", "huge-positive"])
def test_every_numeric_setting_refuses_an_absurd_value(name, direction):
    bad = type(DEFAULTS[name])(direction * 10**9)
    message = _refusal(**{name: bad})
    found = RANGE_MESSAGE.match(message)
    assert found and found["name"] == name and found["value"] == str(bad), message


@pytest.mark.parametrize("name", NUMERIC)
def test_every_numeric_setting_enforces_the_range_its_message_states(name):
    """The range is read from the refusal itself ("top_k must be between 1 and 50, ..."), so a
    field added later is checked too: the values just past both stated ends are refused."""
    stated = RANGE_MESSAGE.match(_refusal(**{name: type(DEFAULTS[name])(-10**9)}))
    assert stated, f"{name}: refusal does not state a range"
    low, high = float(stated["low"]), float(stated["high"])
    assert low <= DEFAULTS[name] <= high, f"{name}: default {DEFAULTS[name]} outside its own range"
    for bad in (_just_outside(name, low, -1), _just_outside(name, high, +1)):
        assert RANGE_MESSAGE.match(_refusal(**{name: bad}))["value"] == str(bad)


# --- other checks ------------------------------------------------------------------------------

@pytest.mark.parametrize("fusion", [
    pytest.param("mean", id="unknown"),
    pytest.param("RRF", id="wrong-case"),
    pytest.param("", id="empty"),
])
def test_an_unknown_fusion_is_refused_naming_the_choices_and_the_value(fusion):
    assert _refusal(fusion=fusion) == f"fusion must be 'rrf' or 'convex', was: {fusion!r}"


@pytest.mark.parametrize("model_name", [pytest.param("", id="empty"), pytest.param("  \t", id="blank")])
def test_an_empty_model_name_is_refused_with_the_fix(model_name):
    message = _refusal(model_name=model_name)
    assert message.startswith("model_name must not be empty") and "NELM_MODEL_NAME" in message


@pytest.mark.parametrize("fusion", ["rrf", "convex"])
def test_both_fusions_are_accepted(fusion):
    assert Settings(fusion=fusion).fusion == fusion


def test_settings_are_frozen_and_with_validates_the_copy():
    settings = Settings()
    with pytest.raises(dataclasses.FrozenInstanceError):
        settings.top_k = 3  # type: ignore[misc]
    assert settings.with_(top_k=8).top_k == 8 and settings.top_k == DEFAULTS["top_k"]
    with pytest.raises(ConfigError, match="top_k must be between 1 and 50, was: 0"):
        settings.with_(top_k=0)


# --- environment variables -----------------------------------------------------------------

@pytest.mark.parametrize("environ, name, expected", [
    pytest.param({"NELM_TOP_K": "8"}, "top_k", 8, id="int"),
    pytest.param({"NELM_TOP_K": " 8 "}, "top_k", 8, id="int-with-spaces"),
    pytest.param({"NELM_DENSE_WEIGHT": "0.25"}, "dense_weight", 0.25, id="float"),
    pytest.param({"NELM_MILAN_MAX_AGE": "60"}, "milan_max_age", 60.0, id="whole-number-to-float"),
    pytest.param({"NELM_FUSION": "rrf"}, "fusion", "rrf", id="str"),
    pytest.param({"NELM_INDEX_DIR": "/tmp/nelm-index"}, "index_dir", Path("/tmp/nelm-index"), id="path"),
    pytest.param({"NELM_SEEDS_DIR": "seeds-elsewhere"}, "seeds_dir", Path("seeds-elsewhere"), id="relative-path"),
])
def test_an_environment_value_is_converted_to_the_field_type(environ, name, expected):
    value = getattr(Settings.from_env(environ), name)
    assert value == expected and type(value) is type(expected)


@pytest.mark.parametrize("name", sorted(DEFAULTS))
def test_every_field_reads_its_own_default_back_from_the_environment(name):
    """Each field has a `NELM_<NAME>` variable, and the text of its default converts back to a
    value of the same type (fields added later included)."""
    value = getattr(Settings.from_env({ENV_PREFIX + name.upper(): str(DEFAULTS[name])}), name)
    assert value == DEFAULTS[name]
    assert isinstance(value, Path) if isinstance(DEFAULTS[name], Path) else type(value) is type(DEFAULTS[name])


@pytest.mark.parametrize("environ, message", [
    pytest.param({"NELM_TOP_K": "x"}, "NELM_TOP_K must be a int, was: 'x'", id="not-a-number"),
    pytest.param({"NELM_TOP_K": "8.5"}, "NELM_TOP_K must be a int, was: '8.5'", id="not-a-whole-number"),
    pytest.param({"NELM_TOP_K": ""}, "NELM_TOP_K must be a int, was: ''", id="empty"),
    pytest.param({"NELM_DENSE_WEIGHT": "half"}, "NELM_DENSE_WEIGHT must be a float, was: 'half'", id="float"),
    pytest.param({"NELM_TOP_K": "0"}, "top_k must be between 1 and 50, was: 0", id="converted-then-range-checked"),
    pytest.param({"NELM_FUSION": "mean"}, "fusion must be 'rrf' or 'convex', was: 'mean'", id="converted-then-checked"),
])
def test_a_bad_environment_value_is_refused_naming_the_variable_or_field(environ, message):
    with pytest.raises(ConfigError, match=f"^{re.escape(message)}$"):
        Settings.from_env(environ)


def test_variables_without_the_prefix_or_naming_no_field_are_ignored():
    assert Settings.from_env({"TOP_K": "x", "NELM_NO_SUCH_SETTING": "x", "PATH": "/bin"}) == Settings()


@pytest.mark.parametrize("environ, overrides, expected", [
    pytest.param({"NELM_TOP_K": "8"}, {"top_k": 3}, {"top_k": 3}, id="override-beats-env"),
    pytest.param({"NELM_TOP_K": "8", "NELM_RRF_K": "10"}, {"top_k": 3}, {"top_k": 3, "rrf_k": 10},
                 id="env-still-sets-other-fields"),
    pytest.param({}, {"fusion": "rrf"}, {"fusion": "rrf", "top_k": DEFAULTS["top_k"]}, id="override-on-defaults"),
])
def test_keyword_overrides_win_over_the_environment(environ, overrides, expected):
    settings = Settings.from_env(environ, **overrides)
    assert {name: getattr(settings, name) for name in expected} == expected
