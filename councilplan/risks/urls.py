from django.urls import path

from . import views

app_name = "risks"

urlpatterns = [
    path("", views.index, name="index"),
    path("registers/new/", views.register_create, name="register_create"),
    path("registers/<int:pk>/", views.register, name="register"),
    path("registers/<int:pk>/edit/", views.register_edit, name="register_edit"),
    path("registers/<int:pk>/document/", views.register_document, name="register_document"),
    path("registers/<int:pk>/download/<slug:fmt>/", views.register_download, name="register_download"),
    path("registers/<int:pk>/risks/new/", views.risk_create, name="risk_create"),
    path("returns/<int:pk>/", views.return_risks, name="return_risks"),
    # A risk's code is its address: it never changes.
    path("<slug:code>/", views.risk, name="risk"),
    path("<slug:code>/edit/", views.risk_edit, name="risk_edit"),
    path("<slug:code>/review/", views.risk_review, name="risk_review"),
    path("<slug:code>/reviews/<int:review_id>/evidence/", views.review_evidence, name="review_evidence"),
    path(
        "<slug:code>/reviews/<int:review_id>/evidence/<int:evidence_id>/",
        views.review_evidence_download,
        name="review_evidence_download",
    ),
    path(
        "<slug:code>/reviews/<int:review_id>/evidence/<int:evidence_id>/remove/",
        views.review_evidence_remove,
        name="review_evidence_remove",
    ),
    path("<slug:code>/move/", views.risk_move, name="risk_move"),
    path("<slug:code>/activities/", views.risk_activities, name="risk_activities"),
    path("<slug:code>/owners/", views.risk_owners, name="risk_owners"),
    path("<slug:code>/history/", views.risk_history, name="risk_history"),
    path("<slug:code>/controls/new/", views.control_form, name="control_add"),
    path("<slug:code>/controls/<int:control_id>/", views.control_form, name="control_edit"),
    path("<slug:code>/actions/new/", views.action_form, name="action_add"),
    path("<slug:code>/actions/<int:action_id>/", views.action_form, name="action_edit"),
    path("<slug:code>/<slug:kind>/<int:item_id>/remove/", views.remove, name="remove"),
]
