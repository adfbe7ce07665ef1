from django.urls import include, path

from councilplan.site import public

app_name = "public"

urlpatterns = [
    path("", public.index, name="index"),
    path("plans/<int:pk>/summary/", public.plan_summary, name="plan_summary"),
    path("reports/<int:round_id>/", public.report, name="report"),
    path("reports/<int:round_id>/report.pdf", public.report_pdf, name="report_pdf"),
    path("reports/<int:round_id>/evidence/<int:evidence_id>/", public.report_evidence, name="report_evidence"),
    # Each system's public pages (what it publishes), under its own prefix.
    path("budget/", include("councilplan.finance.urls_public")),
    path("assurance/", include("councilplan.assurance.urls_public")),
    path("contracts/", include("councilplan.contracts.urls_public")),
    path("committees/", include("councilplan.governance.urls_public")),
    path("policies/", include("councilplan.policies.urls_public")),
    path("feedback/", include("councilplan.feedback.urls_public")),
]
