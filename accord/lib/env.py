"""Read settings from environment variables; every helper fails loudly on a bad value."""

import ipaddress
import os
import secrets
from pathlib import Path

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


class SettingError(ValueError):
    """An environment variable holds a value Accord cannot use."""


def env_str(name: str, default: str | None = None, *, required: bool = False) -> str | None:
    value = os.environ.get(name)
    if value is None or value == "":
        if required:
            raise SettingError(f"{name} must be set (see .env.example)")
        return default
    return value


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise SettingError(f"{name} must be one of 1/0, true/false, yes/no, on/off; got {value!r}")


def env_int(name: str, default: int, *, minimum: int | None = None) -> int:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    try:
        number = int(value)
    except ValueError:
        raise SettingError(f"{name} must be an integer; got {value!r}") from None
    if minimum is not None and number < minimum:
        raise SettingError(f"{name} must be at least {minimum}; got {number}")
    return number


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return list(default)
    items = [item.strip() for item in value.split(",") if item.strip()]
    if not items:
        raise SettingError(f"{name} must be a comma-separated list with at least one item; got {value!r}")
    return items


def env_path(name: str, default: str) -> Path:
    value = os.environ.get(name) or default
    path = Path(value).expanduser().resolve()
    if path.exists() and not path.is_dir():
        raise SettingError(f"{name} must name a folder; {path} is a file")
    return path


def env_database_url(name: str) -> str | None:
    """A PostgreSQL URL, or None for the embedded SQLite database."""
    value = os.environ.get(name)
    if not value:
        return None
    scheme = value.split(":", 1)[0].lower()
    if scheme not in {"postgres", "postgresql", "pgsql"} or "://" not in value:
        raise SettingError(f"{name} must be a postgresql:// URL; got scheme {scheme!r}")
    return value


def env_proxy_ssl_header(name: str) -> tuple[str, str] | None:
    """`X-Forwarded-Proto: https` -> ("HTTP_X_FORWARDED_PROTO", "https") for SECURE_PROXY_SSL_HEADER.

    Set it only behind a proxy that always sets (and strips from clients) that header."""
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return None
    header, sep, expected = value.partition(":")
    header, expected = header.strip(), expected.strip()
    if not sep or not header or not expected or not all(c.isalnum() or c == "-" for c in header):
        raise SettingError(f"{name} must look like 'X-Forwarded-Proto: https'; got {value!r}")
    return "HTTP_" + header.upper().replace("-", "_"), expected


def env_secret_key(name: str, data_dir: Path, filename: str = "secret_key") -> str:
    """The secret key from `name`, or else the one kept in `data_dir/filename`, made on first use.

    The file is written whole under a temporary name (mode 0600) and then hard-linked into place,
    which fails if another process got there first: every process that starts on the same data
    folder, at the same moment or later, reads the same key."""
    value = env_str(name)
    if value:
        return value
    path = data_dir / filename
    try:
        if not path.exists():
            data_dir.mkdir(parents=True, exist_ok=True)
            tmp = data_dir / f".{filename}.{os.getpid()}.{secrets.token_hex(4)}"
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            try:
                with os.fdopen(fd, "w") as handle:
                    handle.write(secrets.token_urlsafe(50) + "\n")
                    handle.flush()
                    os.fsync(handle.fileno())
                try:
                    os.link(tmp, path)
                except FileExistsError:
                    pass  # another process made it first: use theirs
            finally:
                tmp.unlink(missing_ok=True)
        key = path.read_text().strip()
    except OSError as error:
        raise SettingError(f"{name} is unset and no key could be kept in ACCORD_DATA_DIR ({path}): "
                           f"{error.strerror or error}") from None
    if len(key) < 32:
        raise SettingError(f"{name} is unset and {path} holds no usable key (fewer than 32 characters): "
                           "delete the file to make a new one")
    return key


def env_header(name: str) -> str | None:
    """`X-Forwarded-For` -> "HTTP_X_FORWARDED_FOR", the key of that request header in request.META."""
    value = (os.environ.get(name) or "").strip()
    if not value:
        return None
    if not all(c.isalnum() or c == "-" for c in value):
        raise SettingError(f"{name} must be a header name such as X-Forwarded-For; got {value!r}")
    return "HTTP_" + value.upper().replace("-", "_")


def env_networks(name: str, default: list[str]) -> list[str]:
    """Comma-separated addresses or networks (127.0.0.1, 10.0.0.0/8, ::1)."""
    items = env_list(name, default)
    for item in items:
        try:
            ipaddress.ip_network(item, strict=False)
        except ValueError:
            raise SettingError(f"{name} must list IP addresses or networks; got {item!r}") from None
    return items
def env_json_object(name: str) -> dict:
    """A JSON object (e.g. '{"roles": {"staff": ["ieo"]}}'); an empty or unset variable is {}."""
    import json

    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return {}
    try:
        parsed = json.loads(value)
    except json.JSONDecodeError as error:
        raise SettingError(f"{name} must be a JSON object: {error}") from None
    if not isinstance(parsed, dict):
        raise SettingError(f"{name} must be a JSON object ({{...}}); got {type(parsed).__name__}")
    return parsed


def origins_of(*urls: str | None) -> list[str]:
    """The distinct origins (scheme://host[:port]) of the URLs given, skipping empty ones."""
    from urllib.parse import urlsplit

    found = []
    for url in urls:
        if url:
            parts = urlsplit(url)
            if not parts.scheme or not parts.netloc:
                raise SettingError(f"{url!r} must be an absolute http(s) URL")
            origin = f"{parts.scheme}://{parts.netloc}"
            if origin not in found:
                found.append(origin)
    return found
