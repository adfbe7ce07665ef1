from django.urls import path, register_converter

from . import views

app_name = "policies"


class PaperConverter:
    """The papers the register prints: any other name is no address at all (not an echo of what was typed)."""

    regex = "register|close-down"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(PaperConverter, "paper")

urlpatterns = [
    path("", views.index, name="index"),
    path("register/", views.register, name="register"),
    path("register/new/", views.policy_create, name="policy_create"),
    path("register/import/", views.register_import, name="register_import"),
    path("register/export.<slug:fmt>", views.register_export, name="register_export"),
    path("framework/", views.framework, name="framework"),
    # An entry's register number is its address: fixed, never reused.
    path("<int:number>/", views.policy, name="policy"),
    path("<int:number>/history/", views.policy_history, name="policy_history"),
    path("<int:number>/front-sheet.<slug:fmt>", views.front_sheet, name="front_sheet"),
    path("<int:number>/edit/", views.policy_edit, name="policy_edit"),
    path("<int:number>/links/", views.policy_links, name="policy_links"),
    path("<int:number>/review/start/", views.review_start, name="review_start"),
    path("<int:number>/review/", views.review_record, name="review_record"),
    path("<int:number>/close-down/", views.close_down, name="close_down"),
    path("<int:number>/close/", views.close, name="close"),
    path("<int:number>/publish/", views.publish, name="publish"),
    path("reports/", views.reports, name="reports"),
    path("reports/endorse/", views.endorse, name="endorse"),
    path("reports/<paper:paper>.<slug:fmt>", views.report_file, name="report_file"),
    path("reminders/", views.send_reminders, name="reminders"),
]
