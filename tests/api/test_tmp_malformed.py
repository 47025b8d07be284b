import json
from django.test import Client
from accord.api.models import ApiToken
from accord.agreements.models import Agreement
import pytest

@pytest.mark.django_db
def test_x(sam):
    a = Agreement.objects.create(title="x")
    raw = ApiToken.issue(sam, "t")[1]
    c = Client()
    for body in [b"{", b"\xff\xfe", b"[" * 100000, b"[]", b"1", b"null"]:
        r = c.patch(f"/api/v1/agreements/{a.pk}", data=body, content_type="application/json", headers={"Authorization": f"Bearer {raw}"})
        print(body[:10], r.status_code, r.content[:300])
