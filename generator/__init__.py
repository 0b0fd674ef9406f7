"""Builds the Rencana Kerja Pembangunan Zona Integritas from the Pokja workbooks."""
