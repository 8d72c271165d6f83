"""State changes of the LTI tool; views and tasks call these, nothing else."""
