app_name = "finance_public"

# Pages anyone may read without signing in: only what is published, never anything exempt.
urlpatterns: list = []
