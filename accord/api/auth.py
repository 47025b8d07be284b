"""Who is calling: a bearer token (other systems) or the browser session (the interactive docs)."""

from ninja.security import HttpBearer, SessionAuth

from accord.accounts.apitokens import ApiToken


class TokenAuth(HttpBearer):
    """`Authorization: Bearer acc_...`: a token created on the caller's profile page."""

    def authenticate(self, request, token):
        user = ApiToken.authenticate(token)
        if user is not None:
            request.user = user
        return user


# A session needs the CSRF token on unsafe methods (ninja checks it, as Django's middleware would).
AUTH = [TokenAuth(), SessionAuth(csrf=True)]
