from django.apps import AppConfig


class SampleConfig(AppConfig):
    """The sample data (KCC's papers) and the demo sign-ins: `load-sample` loads the Strategic Delivery Plan with
    its returns, then asks each system to load its own part (`SystemConfig.sample`)."""

    name = "councilplan.sample"
    label = "sample"
    verbose_name = "Sample data"
