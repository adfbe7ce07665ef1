from django.urls import path

from . import views

app_name = "monitoring"

urlpatterns = [
    path("", views.my_returns, name="my_returns"),
    path("round/<int:round_id>/activity/<int:activity_id>/", views.return_form, name="return_form"),
    path("<int:pk>/", views.return_detail, name="return_detail"),
    path("<int:pk>/history/", views.return_history, name="return_history"),
    path("<int:pk>/evidence/", views.evidence_attach, name="evidence_attach"),
    path("<int:pk>/evidence/<int:evidence_id>/", views.evidence_download, name="evidence_download"),
    path("<int:pk>/evidence/<int:evidence_id>/remove/", views.evidence_remove, name="evidence_remove"),
    path("<int:pk>/sign-off/", views.sign_off, name="sign_off"),
    path("<int:pk>/sign-off/send-back/", views.sign_off_send_back, name="sign_off_send_back"),
]
