"""councilplan: a council's plan, its quarterly monitoring returns and the analysis report."""

__version__ = "0.1.0"
