from django.urls import path

from . import views

app_name = "contracts_public"

# Pages anyone may read without signing in: only what is published, never anything exempt.
urlpatterns = [
    path("", views.public_register, name="register"),
    path("<str:fmt>", views.public_export_view, name="export"),
]
