import pytest

from accord.lib.env import SettingError, env_bool, env_database_url, env_int, env_list, env_path


def test_a_boolean_setting_accepts_the_usual_spellings(monkeypatch):
    monkeypatch.setenv("X_FLAG", "Yes")
    assert env_bool("X_FLAG") is True
    monkeypatch.setenv("X_FLAG", "off")
    assert env_bool("X_FLAG", default=True) is False


def test_a_boolean_setting_with_a_typo_fails_loudly(monkeypatch):
    monkeypatch.setenv("X_FLAG", "ture")
    with pytest.raises(SettingError, match="X_FLAG"):
        env_bool("X_FLAG")


def test_an_integer_setting_rejects_words_and_values_below_its_minimum(monkeypatch):
    monkeypatch.setenv("X_INT", "many")
    with pytest.raises(SettingError, match="integer"):
        env_int("X_INT", 1)
    monkeypatch.setenv("X_INT", "0")
    with pytest.raises(SettingError, match="at least 1"):
        env_int("X_INT", 1, minimum=1)


def test_allowed_hosts_must_not_be_an_empty_list(monkeypatch):
    monkeypatch.setenv("X_HOSTS", " , ")
    with pytest.raises(SettingError):
        env_list("X_HOSTS", ["localhost"])
    monkeypatch.setenv("X_HOSTS", "accord.example.edu, 127.0.0.1")
    assert env_list("X_HOSTS", []) == ["accord.example.edu", "127.0.0.1"]


def test_the_database_url_must_be_postgresql(monkeypatch):
    monkeypatch.setenv("X_DB", "mysql://u@h/db")
    with pytest.raises(SettingError, match="postgresql"):
        env_database_url("X_DB")
    monkeypatch.setenv("X_DB", "postgresql://accord@127.0.0.1/accord")
    assert env_database_url("X_DB").startswith("postgresql://")
    monkeypatch.delenv("X_DB")
    assert env_database_url("X_DB") is None


def test_the_data_dir_must_not_be_a_file(tmp_path, monkeypatch):
    target = tmp_path / "file"
    target.write_text("x")
    monkeypatch.setenv("X_DIR", str(target))
    with pytest.raises(SettingError, match="folder"):
        env_path("X_DIR", "var")


def test_settings_refuse_to_start_without_a_secret_key_in_production(tmp_path):
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith("ACCORD_")}
    env.update(ACCORD_DEBUG="0", ACCORD_DATA_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="accord.settings")
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"], env=env, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "ACCORD_SECRET_KEY must be set" in result.stderr


def test_a_json_setting_must_hold_an_object(monkeypatch):
    from accord.lib.env import env_json_object

    assert env_json_object("X_JSON_UNSET") == {}
    monkeypatch.setenv("X_JSON", '{"roles": {"staff": ["ieo"]}}')
    assert env_json_object("X_JSON") == {"roles": {"staff": ["ieo"]}}
    monkeypatch.setenv("X_JSON", "[1, 2]")
    with pytest.raises(SettingError, match="X_JSON must be a JSON object"):
        env_json_object("X_JSON")
    monkeypatch.setenv("X_JSON", "{roles: 1}")
    with pytest.raises(SettingError, match="X_JSON must be a JSON object"):
        env_json_object("X_JSON")


def test_the_origins_of_provider_urls_are_what_the_content_security_policy_allows(monkeypatch):
    from accord.lib.env import origins_of

    assert origins_of("https://cas.example.edu/cas/", None, "", "https://cas.example.edu/cas/logout") == [
        "https://cas.example.edu"]
    assert origins_of("http://127.0.0.1:8001/o/logout/") == ["http://127.0.0.1:8001"]
    with pytest.raises(SettingError, match="absolute"):
        origins_of("cas.example.edu/cas")
