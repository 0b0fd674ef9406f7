"""The LKE ZI (PermenPAN-RB 90/2021): what the plan covers, a readiness estimate, the sheet."""
