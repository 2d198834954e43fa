from django.apps import AppConfig


class ContactConfig(AppConfig):
    """From an article's call to action to a triaged lead (see issue: contact leads)."""

    name = "contact"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.core import checks

        from access.boundaries import open_to_all_staff

        from . import receivers
        from .checks import mailbox_address
        from .exports import protect_all_exports

        open_to_all_staff(  # the leads desk, and the leads report every role sees
            names=(
                "contact_pipeline",
                "contact_leads_report",
                "contact_leads_report_results",
                "contact_attachment",
                "contact_saved_view_save",
                "contact_companies",
                "contact_company",
                "contact_saved_view_delete",
            ),
            namespaces=(
                "contact_inquiry",
                "contact_unmatched",
                "contact_lostreason",
                "contact_savedreply",
            ),
            bulk_actions_of=("contact",),
        )
        protect_all_exports()
        receivers.connect()
        checks.register(mailbox_address)
