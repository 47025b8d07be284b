"""Login rate limiting with Django's cache: too many failed logins for a username, or from an
address, within a window answer 429 until the window has passed.

The counters live in the "ratelimit" cache (a file cache shared by every worker process).
"""

import hashlib

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.cache import caches
from django.shortcuts import render
from django.utils.decorators import method_decorator

ADDRESS_FACTOR = 4  # one address may fail for several usernames (a shared office network) before it is stopped


def _cache():
    return caches["ratelimit"]


def _keys(request) -> dict[str, int]:
    """Cache keys of the counters a login attempt counts against, with their limits."""
    limit = settings.ACCORD_LOGIN_FAILURES
    username = (request.POST.get("username") or "").strip().lower()
    address = request.META.get("REMOTE_ADDR") or "unknown"
    keys = {f"login:address:{address}": limit * ADDRESS_FACTOR}
    if username:
        digest = hashlib.sha256(username.encode()).hexdigest()[:32]
        keys[f"login:user:{digest}"] = limit
    return keys


def window_seconds() -> int:
    return settings.ACCORD_LOGIN_WINDOW_MINUTES * 60


def is_limited(request) -> bool:
    counts = _cache().get_many(list(_keys(request)))
    return any(counts.get(key, 0) >= limit for key, limit in _keys(request).items())


def record_failure(request) -> None:
    cache = _cache()
    for key in _keys(request):
        if not cache.add(key, 1, timeout=window_seconds()):
            try:
                cache.incr(key)
            except ValueError:  # expired in between
                cache.add(key, 1, timeout=window_seconds())


def reset(request) -> None:
    """A successful login clears its username's counter (not the address's)."""
    _cache().delete_many([key for key in _keys(request) if key.startswith("login:user:")])


@method_decorator(login_not_required, name="dispatch")
class RateLimitedLoginView(auth_views.LoginView):
    def post(self, request, *args, **kwargs):
        if is_limited(request):
            return render(request, "accounts/login_limited.html",
                          {"minutes": settings.ACCORD_LOGIN_WINDOW_MINUTES}, status=429)
        response = super().post(request, *args, **kwargs)
        if response.status_code == 200:  # the form was shown again: wrong username or password
            record_failure(request)
        else:
            reset(request)
        return response
