"""Django's password rules, with messages that say what to do (the GOV.UK way)."""

from django.contrib.auth import password_validation as django


class MinimumLengthValidator(django.MinimumLengthValidator):
    def get_error_message(self):
        return f"Enter a password with at least {self.min_length} characters"


class UserAttributeSimilarityValidator(django.UserAttributeSimilarityValidator):
    def get_error_message(self):
        return "Choose a password that is not like your %(verbose_name)s"


class CommonPasswordValidator(django.CommonPasswordValidator):
    def get_error_message(self):
        return "Choose a password that is harder to guess: this one is widely used"


class NumericPasswordValidator(django.NumericPasswordValidator):
    def get_error_message(self):
        return "Choose a password that is not only numbers"
