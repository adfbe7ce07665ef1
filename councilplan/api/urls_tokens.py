from django.urls import path

from . import views

app_name = "api_tokens"

urlpatterns = [
    path("", views.tokens, name="list"),
    path("new/", views.new_token, name="new"),
    path("<int:pk>/revoke/", views.revoke, name="revoke"),
]
