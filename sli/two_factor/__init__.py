"""Two-factor sign-in for local accounts (django-otp): an authenticator app's time-based code
(TOTP), with single-use recovery codes for when the phone is not to hand.

Site administrators and regional leads must give a code whenever they sign in with a
password; anyone else may turn it on from their account. Sign-ins by the council's single
sign-on are left to the council's identity provider, which does its own second factor.
"""
