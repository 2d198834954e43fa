from django.apps import AppConfig


class CallsConfig(AppConfig):
    """After the form, the reader books a call in a sales person's free hours (see issue: a next
    step after the form); contact offers it through its next steps."""

    name = "calls"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from access.boundaries import open_to_all_staff
        from contact import next_steps

        from .links import offer_a_call

        next_steps.register(offer_a_call)
        open_to_all_staff(names=("calls_hours",))
