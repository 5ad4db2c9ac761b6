"""Form widgets of the wizard."""

from typing import Any

from django import forms


class AgencySelect(forms.Select):
    """The agency directory as a select whose options carry the agency's
    address (``data-address``): ``static/js/agency.js`` copies it into the
    empty address field when she picks one (no query: the choices' instances)."""

    def create_option(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        option = super().create_option(*args, **kwargs)
        instance = getattr(option["value"], "instance", None)
        address = getattr(instance, "address", "")
        if address:
            option["attrs"]["data-address"] = address
        return option
