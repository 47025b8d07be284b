from django.contrib.auth.mixins import AccessMixin
from django.core.exceptions import PermissionDenied
from django.views.generic import TemplateView

from accord.accounts.roles import ROLE_LABELS, can, faculty_of, role_of


class ActionRequiredMixin(AccessMixin):
    """A view that needs `can(user, action)`; object views may check the object again."""

    action: str = ""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not self.has_permission():
            raise PermissionDenied(f"Your role may not do {self.action}.")
        return super().dispatch(request, *args, **kwargs)

    def has_permission(self):
        return can(self.request.user, self.action)


class ProfileView(TemplateView):
    template_name = "accounts/profile.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            role_label=ROLE_LABELS.get(role_of(user), "no role"), faculty=faculty_of(user), **kwargs
        )
