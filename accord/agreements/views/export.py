import json

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path

from accord.accounts.roles import can
from accord.agreements import ewp
from accord.agreements.models import Agreement


def ewp_iia(request, pk):
    agreement = get_object_or_404(Agreement, pk=pk)
    if not can(request.user, "records.export", agreement):
        raise PermissionDenied
    body = json.dumps(ewp.get_response(agreement), ensure_ascii=False, indent=2)
    return HttpResponse(body, content_type="application/json; charset=utf-8")


urlpatterns = [path("<int:pk>/ewp-iia.json", ewp_iia, name="ewp-iia")]
