"""Language tools shared by readers and transforms: sentence splitting, language detection."""
