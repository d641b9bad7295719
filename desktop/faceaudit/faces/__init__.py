"""On-device face detection, embedding and matching (insightface models on onnxruntime)."""
