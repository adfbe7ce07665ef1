from django.contrib import admin
from django.urls import include, path

from councilplan.core import sso
from councilplan.core.signin import PasswordResetView, SignInView, admin_sign_in

urlpatterns = [
    path("admin/login/", admin_sign_in),
    path("admin/", admin.site.urls),
    path("accounts/login/", SignInView.as_view(), name="login"),  # throttled (councilplan.core.signin)
    path("accounts/password_reset/", PasswordResetView.as_view(), name="password_reset"),  # throttled too
    path("accounts/sso/", sso.start, name="sso_login"),
    path("accounts/sso/callback/", sso.callback, name="sso_callback"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("returns/", include("councilplan.monitoring.urls")),
    path("rounds/", include("councilplan.monitoring.urls_rounds")),
    path("reports/", include("councilplan.reports.urls")),
    path("risks/", include("councilplan.risks.urls")),
    path("performance/", include("councilplan.performance.urls")),
    path("plan/", include("councilplan.planning.urls")),
    path("budget/", include("councilplan.finance.urls")),
    path("assurance/", include("councilplan.assurance.urls")),
    path("contracts/", include("councilplan.contracts.urls")),
    path("committees/", include("councilplan.governance.urls")),
    path("policies/", include("councilplan.policies.urls")),
    path("feedback/", include("councilplan.feedback.urls")),
    path("qpr/", include("councilplan.qpr.urls")),
    path("overview/pack/", include("councilplan.overview.urls")),
    path("api/", include("councilplan.api.urls")),  # read-only; tokens or the public slice (docs/api.md)
    path("account/api-tokens/", include("councilplan.api.urls_tokens")),
    path("public/open-data/", include("councilplan.api.urls_open_data")),  # no sign-in: open data files
    path("", include("councilplan.site.urls")),
    path("public/", include("councilplan.site.urls_public")),  # no sign-in: published, never exempt
    path("", include("councilplan.core.urls")),
]
