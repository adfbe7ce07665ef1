from django.urls import path

from . import views

app_name = "feedback_public"

# Pages anyone may read without signing in: the published figures only, never a record or a person.
urlpatterns = [
    path("", views.public_figures, name="figures"),
    path("download/<slug:fmt>/", views.public_file, name="file"),
]
