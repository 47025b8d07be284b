"""Static files for `accord serve`: only the package files pages use, each compressed once.

- `UsedAppFilesFinder` leaves out the apps' files no page loads (UNUSED).
- `PackageFilesFinder` collects single files out of installed packages (settings.ACCORD_PACKAGE_STATIC:
  URL path -> file), where a folder finder would collect the whole package (plotly's second bundle,
  every TopoJSON resolution): Accord's pages use two files of them.
- `CompressedStaticStorage` is whitenoise's hashed, compressed storage that compresses a file only
  when its content changed since it was last compressed, and identical content (a file and its hashed
  copy) once: a restart with unchanged files compresses nothing.
- `collect_static()` is what `accord serve` runs first: collectstatic, or nothing at all when the files
  it would collect are those it collected last time (a restart: 10 ms instead of 0.5 s of CPU).
"""

import hashlib
import json
import os
import shutil
from pathlib import Path

import brotli

from django.conf import settings
from django.contrib.staticfiles.finders import AppDirectoriesFinder, BaseFinder, get_finders
from django.core.checks import Error
from django.core.files.storage import FileSystemStorage, storages
from django.core.management import call_command
from whitenoise.compress import Compressor
from whitenoise.storage import CompressedManifestStaticFilesStorage

LARGE = 256 * 1024


# What no page of Accord loads: source maps nothing references, the Redoc bundle beside Swagger UI, htmx
# versions and extensions other than the one {% htmx_script %} loads, the unminified copies the admin
# loads only under DEBUG (when static files are served from the apps, not collected).
UNUSED = [
    "ninja/redoc.standalone.js*",
    "ninja/swagger-ui-bundle.js.map",
    "django_htmx/ext",
    "django_htmx/htmax-*",
    "django_htmx/htmx-4*",
    "django_htmx/htmx-2.js",
    "admin/js/vendor/jquery/jquery.js",
    "admin/js/vendor/select2/select2.full.js",
    "admin/js/vendor/xregexp/xregexp.js",
]


class UsedAppFilesFinder(AppDirectoriesFinder):
    """Django's app-directories finder; collectstatic leaves out the UNUSED files."""

    def list(self, ignore_patterns):
        return super().list([*(ignore_patterns or []), *UNUSED])


class PackageFilesFinder(BaseFinder):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.files = {name: Path(path) for name, path in getattr(settings, "ACCORD_PACKAGE_STATIC", {}).items()}

    def check(self, **kwargs):
        return [Error(f"ACCORD_PACKAGE_STATIC names {path} for {name}, which does not exist", id="operations.E001",
                      hint="install the package that ships it (make install)")
                for name, path in self.files.items() if not path.is_file()]

    def find(self, path, find_all=False, **kwargs):
        found = str(self.files[path]) if path in self.files and self.files[path].is_file() else None
        if find_all:
            return [found] if found else []
        return found

    def list(self, ignore_patterns):
        for name, path in self.files.items():
            prefix, _, filename = name.rpartition("/")
            storage = FileSystemStorage(location=path.parent)
            storage.prefix = prefix
            if filename != path.name:
                raise ValueError(f"ACCORD_PACKAGE_STATIC: {name} must end in the file's own name, {path.name}")
            yield filename, storage


class QuickerBrotliCompressor(Compressor):
    """Brotli's quality 9 for large files: plotly.min.js (4.6 MB) takes 1 s instead of 14 s at the
    default 11, for a file about 10 % larger; small files keep quality 11."""

    @staticmethod
    def compress_brotli(data):
        return brotli.compress(data, quality=11 if len(data) < LARGE else 9)


def digest(path: str) -> str:
    sha = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            sha.update(block)
    return sha.hexdigest()


class CompressedStaticStorage(CompressedManifestStaticFilesStorage):
    """Keeps in COMPRESSED_RECORD the digest of each file as it was when compressed; a file whose
    compressed copies exist and whose content has that digest is not compressed again. (Django
    rewrites every hashed CSS and JS file on each collectstatic, so times would not tell.)"""

    record_name = "compressed.json"

    def create_compressor(self, **kwargs):
        return QuickerBrotliCompressor(**kwargs)

    def compress_files(self, paths):
        compressor = self.create_compressor(extensions=getattr(settings, "WHITENOISE_SKIP_COMPRESS_EXTENSIONS", None),
                                            quiet=True)
        record_path = Path(self.path(self.record_name))
        try:
            record = json.loads(record_path.read_text())
        except (OSError, ValueError):
            record = {}
        same_content = {}
        for path in paths:
            if not compressor.should_compress(path):
                continue
            content = digest(self.path(path))
            if record.get(path) == content:  # compressed already (or found not worth compressing)
                continue
            same_content.setdefault(content, []).append(path)
        first_of = {names[0]: names[1:] for names in same_content.values()}
        for path, compressed_name in super().compress_files(list(first_of)):
            yield path, compressed_name
            suffix = compressed_name[len(path):]
            for twin in first_of[path]:
                shutil.copyfile(self.path(compressed_name), self.path(twin) + suffix)
                yield twin, twin + suffix
        for content, names in same_content.items():
            record.update(dict.fromkeys(names, content))
        tmp = record_path.with_name(record_path.name + ".partial")
        tmp.write_text(json.dumps(record, sort_keys=True))
        tmp.replace(record_path)


# What collectstatic ignores by default (its --ignore patterns, less the ones Accord never passes)
DEFAULT_IGNORE = ["CVS", ".*", "*~"]
STAMP = "collected.stamp"


def sources_fingerprint() -> str:
    """A digest of what collectstatic would collect: every file the finders list, by name, size and
    modification time, and the storage that collects them."""
    entries = [settings.STORAGES["staticfiles"]["BACKEND"]]
    for finder in get_finders():
        for path, storage in finder.list(DEFAULT_IGNORE):
            prefixed = f"{storage.prefix}/{path}" if getattr(storage, "prefix", None) else path
            stat = os.stat(storage.path(path))
            entries.append(f"{prefixed}\0{stat.st_size}\0{stat.st_mtime_ns}")
    return hashlib.sha256("\n".join(sorted(entries)).encode()).hexdigest()


def collected_intact(root: Path) -> bool:
    """The collected files are there: with a manifest (production), every file it names."""
    storage = storages["staticfiles"]
    manifest_name = getattr(storage, "manifest_name", None)
    if not manifest_name:
        return root.is_dir()
    try:
        paths = json.loads((root / manifest_name).read_text())["paths"]
    except (OSError, ValueError, KeyError):
        return False
    return all((root / hashed).is_file() for hashed in paths.values())


def collect_static() -> bool:
    """Run collectstatic unless the files it would collect are, by name, size and time, those it
    collected last time and those are intact; True when it ran."""
    root = Path(settings.STATIC_ROOT)
    stamp = root / STAMP
    fingerprint = sources_fingerprint()
    try:
        unchanged = stamp.read_text() == fingerprint
    except OSError:
        unchanged = False
    if unchanged and collected_intact(root):
        return False
    stamp.unlink(missing_ok=True)  # a collection that stops half-way is not taken for a complete one
    call_command("collectstatic", interactive=False, verbosity=0)
    partial = stamp.with_name(STAMP + ".partial")
    partial.write_text(fingerprint)
    partial.replace(stamp)
    return True
