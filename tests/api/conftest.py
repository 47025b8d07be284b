"""API personas: each test persona with a live token, and a JSON client that sends it."""

import json

import pytest
from django.test import Client

from accord.accounts.apitokens import ApiToken
from accord.registry.models import Country, Institution


class ApiClient:
    def __init__(self, raw_token=None):
        self.client = Client()
        self.headers = {"Authorization": f"Bearer {raw_token}"} if raw_token else {}

    def _send(self, method, url, body=None, **params):
        kwargs = {"headers": self.headers}
        if body is not None:
            kwargs.update(data=json.dumps(body), content_type="application/json")
        elif params:
            kwargs["data"] = params
        return getattr(self.client, method)(url, **kwargs)

    def get(self, url, **params):
        return self._send("get", url, **params)

    def post(self, url, body):
        return self._send("post", url, body)

    def put(self, url, body):
        return self._send("put", url, body)

    def patch(self, url, body):
        return self._send("patch", url, body)


@pytest.fixture
def api_as():
    """api_as(user) is a client carrying a fresh token of that user; api_as(None) carries none."""

    def make(user):
        if user is None:
            return ApiClient()
        _token, raw = ApiToken.issue(user, "tests")
        return ApiClient(raw)

    return make


@pytest.fixture
def partner(db):
    return Institution.objects.create(name="Bauman Moscow State Technical University", country=Country.objects.get(code="RU"),
                                      city="Moscow")
