from django.urls import path

from . import views

app_name = "contracts"

urlpatterns = [
    path("", views.index, name="index"),
    path("register/", views.register, name="register"),
    path("register/new/", views.contract_create, name="contract_create"),
    path("register/import/", views.register_import, name="register_import"),
    path("register/<str:fmt>", views.register_export, name="register_export"),
    # A contract's reference is its address (and its ocid's tail): fixed once added.
    path("contracts/<str:reference>/", views.contract, name="contract"),
    path("contracts/<str:reference>/edit/", views.contract_edit, name="contract_edit"),
    path("contracts/<str:reference>/links/", views.contract_links, name="contract_links"),
    path("contracts/<str:reference>/kpis/new/", views.contract_kpi, name="contract_kpi"),
    path("contracts/<str:reference>/assessment/", views.contract_assessment, name="contract_assessment"),
    path("contracts/<str:reference>/history/", views.contract_history, name="contract_history"),
    path("programme/", views.programme, name="programme"),
    path("programme/new/", views.review_create, name="review_create"),
    path("programme/reminders/", views.send_reminders, name="reminders"),
    path("reviews/<int:pk>/", views.review, name="review"),
    path("reviews/<int:pk>/edit/", views.review_edit, name="review_edit"),
    path("reviews/<int:pk>/held/", views.review_hold, name="review_hold"),
    path("reviews/<int:pk>/defer/", views.review_defer, name="review_defer"),
    path("reviews/<int:pk>/report/", views.report_ratings, name="report_ratings"),
    path("reviews/<int:pk>/report/sections/", views.report_sections, name="report_sections"),
    path("reviews/<int:pk>/report/attestation/", views.report_attestation, name="report_attestation"),
    path("reviews/<int:pk>/report/submit/", views.report_submit, name="report_submit"),
    path("reviews/<int:pk>/report/reopen/", views.report_reopen, name="report_reopen"),
    path("reviews/<int:pk>/report/download/<slug:fmt>/", views.report_download, name="report_download"),
    path("reviews/<int:pk>/findings/new/", views.finding_create, name="finding_create"),
    path("reviews/<int:pk>/feedback/", views.review_feedback, name="review_feedback"),
    path("reviews/<int:pk>/savings/new/", views.saving_create, name="saving_create"),
    path("findings/", views.findings, name="findings"),
    path("findings/<int:pk>/", views.finding, name="finding"),
    path("reports/", views.reports, name="reports"),
    path("reports/<int:pk>/", views.report, name="report"),
    path("reports/<int:pk>/download/<slug:fmt>/", views.report_file, name="report_file"),
    path("framework/", views.framework, name="framework"),
]
