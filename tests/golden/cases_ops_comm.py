"""Reference ("golden") cases for mindspore.ops' communication functions in ONE process, without a launcher (what
MindSpore 2.10 CPU can run there: the process-group queries and the argument checks that come before any
communication; the collectives themselves need a cluster, see tests/communication/workers/ops_comm_funcs.py).

Each case is an expression over ``ms``, ``ops``, ``np`` and ``T`` (a float32 Tensor); ``gen_ops_comm.py`` records,
with MindSpore, its value (``repr``) or its exception (type and message) in ``ops_comm.json``;
tests/communication/test_ops_comm_func.py evaluates the same expressions on minispore: the same value, or the same
exception type with MindSpore's message contained in minispore's.
"""

CASES = {
    "is_available": "ops.is_available()",
    "is_initialized": "ops.is_initialized()",
    "get_world_size": "ops.get_world_size()",
    "get_backend": "ops.get_backend()",
    "get_backend/mccl_name": "ops.get_backend('mccl_2_abc')",
    "get_backend/hccl_name": "ops.get_backend('hccl_2_abc')",
    "get_backend/bad_group": "ops.get_backend(3)",
    "new_group/world": "ops.new_group()",
    "new_group/tuple": "ops.new_group((0, 1))",
    "new_group/backend": "ops.new_group([0], backend='nccl')",
    "get_global_rank/world": "ops.get_global_rank(None, 3)",
    "get_global_rank/bad_rank": "ops.get_global_rank(None, 'a')",
    "get_group_rank/bad_rank": "ops.get_group_rank(None, 'a')",
    "get_rank/bad_group": "ops.get_rank(3)",
    "get_world_size/bad_group": "ops.get_world_size(3)",
    "init_process_group/nccl": "ops.init_process_group('nccl')",
    "init_process_group/both": "ops.init_process_group(init_method='tcp://127.0.0.1:1', store=None, world_size=1,"
                               " rank=0, group_name=3)",
    "P2POp/attrs": "(lambda p: (p.op, p.peer, p.group, p.tag))(ops.P2POp('isend', T, 1))",
    "P2POp/bad_op": "ops.P2POp('bad', T, 1)",
    "P2POp/tag": "ops.P2POp('irecv', T, 1, tag=1)",
    "all_reduce/not_tensor": "ops.all_reduce(np.ones(2))",
    "all_reduce/op_type": "ops.all_reduce(T, 1)",
    "all_reduce/op_value": "ops.all_reduce(T, 'mean')",
    "reduce/not_tensor": "ops.reduce(np.ones(2), 0)",
    "broadcast/not_tensor": "ops.broadcast(np.ones(2), 0)",
    "send/not_tensor": "ops.send(np.ones(2), 1)",
    "recv/not_tensor": "ops.recv(np.ones(2), 1)",
}

# cases where minispore differs on purpose: name -> (expression, minispore's value, why); MindSpore's answer is
# recorded too, and the test checks that it still differs as described
DELIBERATE = {
    "get_rank/before_init": ("ops.get_rank()", 0,
                             "MindSpore 2.10 answers get_rank() before init with its RANK_SIZE default (1): a rank "
                             "that does not exist in a world of one process; minispore answers 0, the only "
                             "process's rank"),
}
DELIBERATE_CASES = {name: expr for name, (expr, _, _) in DELIBERATE.items()}
