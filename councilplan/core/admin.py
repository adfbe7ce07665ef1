from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.shortcuts import redirect
from simple_history.admin import SimpleHistoryAdmin

from .models import Directorate, OrganisationSettings, Outcome, SingleSignOnIdentity, Team, User, VocabularyTerm


@admin.register(VocabularyTerm)
class VocabularyTermAdmin(SimpleHistoryAdmin):
    list_display = ["label", "code", "vocabulary", "group", "order", "active"]
    list_filter = ["vocabulary", "active"]
    list_editable = ["order", "active"]
    search_fields = ["label", "code"]

    def get_readonly_fields(self, request, obj=None):
        # Codes are fixed once created: files, reports and old returns use them.
        return ["vocabulary", "code"] if obj else []


@admin.register(Outcome)
class OutcomeAdmin(SimpleHistoryAdmin):
    list_display = ["title", "order"]
    list_editable = ["order"]


@admin.register(Directorate)
class DirectorateAdmin(SimpleHistoryAdmin):
    search_fields = ["name"]
    filter_horizontal = ["signers"]


@admin.register(OrganisationSettings)
class OrganisationSettingsAdmin(SimpleHistoryAdmin):
    """One row: the organisation's name, GSS code and choices (a directorate sign-off of returns)."""

    list_display = ["__str__", "gss_code", "directorate_sign_off"]

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not OrganisationSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(User)
class CouncilUserAdmin(UserAdmin, SimpleHistoryAdmin):
    list_display = ["username", "name", "email", "role", "directorate", "is_active"]
    list_filter = ["role", "directorate", "is_active"]
    search_fields = ["username", "name", "email"]
    fieldsets = [
        (None, {"fields": ["username", "password"]}),
        ("Person", {"fields": ["name", "email", "role", "directorate", "cleared_for_exempt"]}),
        ("Access", {"fields": ["is_active", "is_staff", "is_superuser"]}),
        ("Dates", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"fields": ["username", "name", "email", "role", "password1", "password2"]})]

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # The user form's "Reset password" link is relative ("../password/"): on a history page it lands here.
        if not str(version_id).isdigit():
            return redirect("admin:auth_user_password_change", object_id)
        return super().history_form_view(request, object_id, version_id, extra_context)


@admin.register(SingleSignOnIdentity)
class SingleSignOnIdentityAdmin(admin.ModelAdmin):
    """Who is linked to which account at the identity provider; delete a link to let the next single sign-on match
    by e-mail address again."""

    list_display = ["user", "issuer", "subject", "linked_at"]
    search_fields = ["user__username", "user__name", "subject"]
    readonly_fields = ["user", "issuer", "subject", "linked_at"]


@admin.register(Team)
class TeamAdmin(SimpleHistoryAdmin):
    """The teams each system's rules name (made on migrate): an administrator sets who is in them."""

    list_display = ["name", "code"]
    search_fields = ["name", "code"]
    filter_horizontal = ["members"]

    def get_readonly_fields(self, request, obj=None):
        return ["code"] if obj else []  # the systems' permissions use the code
