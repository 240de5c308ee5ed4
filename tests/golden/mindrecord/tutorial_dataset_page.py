# The MindRecord part of MindSpore's beginner tutorial page "数据加载与处理" (tutorials/source_zh_cn/beginner/dataset.ipynb,
# mindspore-ai/docs), unchanged. gen_mindrecord.py records what MindSpore 2.10 prints for it.
import os
import numpy as np
from mindspore.dataset import MindDataset
from mindspore.mindrecord import FileWriter

if os.path.exists("./test.mindrecord"):
    os.remove("./test.mindrecord")
if os.path.exists("./test.mindrecord.db"):
    os.remove("./test.mindrecord.db")
writer = FileWriter(file_name="test.mindrecord", shard_num=1, overwrite=True)
schema_json = {"file_name": {"type": "string"},
               "label": {"type": "int32"},
               "data": {"type": "int32", "shape": [-1]}}
writer.add_schema(schema_json, "test_schema")
for i in range(4):
    data = [{"file_name": str(i) + ".jpg",
             "label": i,
             "data": np.array([i]*(i+1), dtype=np.int32)}]
    writer.write_raw_data(data)
writer.commit()
dataset = MindDataset("test.mindrecord", shuffle=False)
for data in dataset:
    print(data)
