"""The claims this test provider releases about a user: standard ones plus "groups" (group names)."""

from oauth2_provider.oauth2_validators import OAuth2Validator


class AccordClaimsValidator(OAuth2Validator):
    oidc_claim_scope = None  # release every claim below whatever the scopes

    def get_additional_claims(self, request):
        user = request.user
        return {
            "preferred_username": user.username,
            "email": user.email,
            "given_name": user.first_name,
            "family_name": user.last_name,
            "groups": sorted(group.name for group in user.groups.all()),
        }
