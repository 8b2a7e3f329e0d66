from django.contrib.auth.backends import ModelBackend


class PasswordBackend(ModelBackend):
    """Django's username-and-password backend, marking whom it lets in as signed in by
    password: sli.two_factor.state.start_second_step then asks them for a code if they must
    give one. Other ways in (single sign-on, a test's force_login) carry no mark."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is not None:
            user.signed_in_with_password = True
        return user
