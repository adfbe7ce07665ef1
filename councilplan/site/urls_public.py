from django.urls import path

from councilplan.site import public

app_name = "public"

urlpatterns = [
    path("", public.index, name="index"),
    path("plans/<int:pk>/summary/", public.plan_summary, name="plan_summary"),
    path("reports/<int:round_id>/", public.report, name="report"),
]
