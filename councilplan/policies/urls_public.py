from django.urls import path

from . import views

app_name = "policies_public"

# Pages anyone may read without signing in: only what is published, never anything exempt.
urlpatterns = [
    path("", views.public_register, name="register"),
    path("<int:number>/", views.public_policy, name="policy"),
]
