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


def test_without_a_secret_key_every_process_on_a_data_dir_agrees_on_one_kept_in_a_private_file(tmp_path):
    import os
    import stat
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith("ACCORD_")}
    env.update(ACCORD_DEBUG="0", ACCORD_DATA_DIR=str(tmp_path / "data"), DJANGO_SETTINGS_MODULE="accord.settings")
    script = "import django; django.setup(); from django.conf import settings; print(settings.SECRET_KEY)"
    first = [subprocess.Popen([sys.executable, "-c", script], env=env, stdout=subprocess.PIPE, text=True)
             for _ in range(6)]  # started together: they race to make the key
    keys = {process.communicate(timeout=120)[0].strip() for process in first}
    later = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    assert len(keys) == 1 and len(keys.pop()) >= 50
    assert later.stdout.strip() == (tmp_path / "data" / "secret_key").read_text().strip()
    assert stat.S_IMODE((tmp_path / "data" / "secret_key").stat().st_mode) == 0o600
    assert not [p for p in (tmp_path / "data").iterdir() if p.name.startswith(".secret_key")]  # no temporary left


def test_a_set_secret_key_wins_over_the_kept_one(tmp_path, monkeypatch):
    from accord.lib.env import env_secret_key

    monkeypatch.setenv("X_KEY", "k" * 40)
    assert env_secret_key("X_KEY", tmp_path) == "k" * 40
    assert not (tmp_path / "secret_key").exists()


def test_a_kept_key_that_is_too_short_names_the_variable(tmp_path, monkeypatch):
    from accord.lib.env import env_secret_key

    monkeypatch.delenv("X_KEY", raising=False)
    (tmp_path / "secret_key").write_text("short")
    with pytest.raises(SettingError, match="X_KEY"):
        env_secret_key("X_KEY", tmp_path)


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
