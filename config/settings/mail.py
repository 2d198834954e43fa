"""Mail settings: how the site sends (EMAIL_URL), who gets the lead e-mails, how Sales write to
leads and how their answers come back. Part of base.py."""

import environ

env = environ.Env()

# Mail: EMAIL_URL picks the backend (console in dev); lead notifications go to SALES_NOTIFY_EMAILS.
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
# Seconds before a silent mail server counts as down (the worker then retries later).
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
# A new lead nobody has taken for this long alerts the whole Sales group, once.
LEAD_ALERT_MINUTES = env.int("LEAD_ALERT_MINUTES", default=30)
# From this hour (TIME_ZONE) each owner gets the day's e-mail of due and overdue next steps.
REMINDER_HOUR = env.int("REMINDER_HOUR", default=8)
# Tries before a lead e-mail is given up, and the first retry delay (then ×4 each time).
LEAD_MAIL_MAX_ATTEMPTS = env.int("LEAD_MAIL_MAX_ATTEMPTS", default=6)
LEAD_MAIL_RETRY_SECONDS = env.int("LEAD_MAIL_RETRY_SECONDS", default=60)
# Shown to a reader whose inquiry could not be stored (database down), to write to instead.
CONTACT_FALLBACK_EMAIL = env("CONTACT_FALLBACK_EMAIL", default="hello@cleansystems.example")
# Where readers write to see or delete what the contact form stored about them (privacy note).
PRIVACY_EMAIL = env("PRIVACY_EMAIL", default=CONTACT_FALLBACK_EMAIL)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Hiring articles <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
SALES_NOTIFY_EMAILS = env.list("SALES_NOTIFY_EMAILS", default=[])
# The address Sales write to leads from (and leads answer to); DEFAULT_FROM_EMAIL when empty.
SALES_FROM_EMAIL = env("SALES_FROM_EMAIL", default="")
# Leads' answers by a provider's inbound webhook (django-anymail): Mailgun's signing key turns on
# /mail/inbound/mailgun/; other providers plug in the same way (README, "For sales staff").
ANYMAIL = {"MAILGUN_WEBHOOK_SIGNING_KEY": env("MAILGUN_WEBHOOK_SIGNING_KEY", default="")}
# ...or by IMAP: the worker reads the shared sales mailbox every minute (empty: it does not).
# imaps://USER:PASSWORD@HOST:993/FOLDER, user and password URL-encoded; imap:// has no TLS.
INBOUND_IMAP_URL = env("INBOUND_IMAP_URL", default="")
INBOUND_IMAP_TIMEOUT = env.float("INBOUND_IMAP_TIMEOUT", default=10)  # seconds per IMAP answer
# The reader gets a copy of their answers and assessment by e-mail (False: only the page).
CONFIRM_TO_READER = env.bool("CONFIRM_TO_READER", default=True)
# Calls the reader books after the form (calls/): length, notice, how far ahead, a day's limit.
CALL_MINUTES = env.int("CALL_MINUTES", default=30)
CALL_NOTICE_HOURS = env.int("CALL_NOTICE_HOURS", default=12)
CALL_DAYS_AHEAD = env.int("CALL_DAYS_AHEAD", default=14)
CALL_MAX_PER_DAY = env.int("CALL_MAX_PER_DAY", default=4)  # per sales person
CALL_LINK_DAYS = env.int("CALL_LINK_DAYS", default=30)  # the booking link in the reader's e-mail
CALL_RATE_LIMIT = env.int("CALL_RATE_LIMIT", default=20)  # bookings, moves, cancels a minute
# Subscriptions (newsletter/): how long a confirmation link works and an unconfirmed address
# is kept, how long an unsubscribed one is kept, subscribe posts per client address a minute.
NEWSLETTER_CONFIRM_DAYS = env.int("NEWSLETTER_CONFIRM_DAYS", default=3)
NEWSLETTER_GRACE_DAYS = env.int("NEWSLETTER_GRACE_DAYS", default=7)
NEWSLETTER_RATE_LIMIT = env.int("NEWSLETTER_RATE_LIMIT", default=5)
NEWSLETTER_PER_MINUTE = env.int("NEWSLETTER_PER_MINUTE", default=60)  # digest e-mails a minute
