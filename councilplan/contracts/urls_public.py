app_name = "contracts_public"

# Pages anyone may read without signing in: only what is published, never anything exempt.
urlpatterns: list = []
