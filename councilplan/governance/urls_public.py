from django.urls import path, re_path

from . import views

app_name = "governance_public"

# Pages anyone may read without signing in: only what is published, never anything exempt.
urlpatterns = [
    path("", views.public_meetings, name="meetings"),
    path("meetings/<int:pk>/", views.public_meeting, name="meeting"),
    path("meetings/<int:pk>/pack.pdf", views.public_pack, name="pack"),
    path("decisions/", views.public_decisions, name="decisions"),
    re_path(r"^decisions/(?P<reference>\d{2}/\d{5})/$", views.public_decision, name="decision"),
]
