"""Language, places, features, classifiers, training, evaluation and model persistence."""
