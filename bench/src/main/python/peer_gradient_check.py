#!/usr/bin/env python3
"""Compares hamlab's gradients (PeerGradientExport JSON) with torch_hnn.py on the same weights.

Usage: peer_gradient_check.py peer-gradients.json [/work/shared/peer]
Exit code 0 when both relative differences are below 1e-10 (float64)."""
import json
import sys

import torch

sys.path.insert(0, sys.argv[2] if len(sys.argv) > 2 else '/work/shared/peer')
import torch_hnn as T  # noqa: E402

e = json.load(open(sys.argv[1]))
B, L, dt = e['B'], e['L'], e['dt']
theta = torch.tensor(e['theta'], dtype=torch.float64)
model = T.make_mlp(2, [64, 64], torch.float64)
o = 0
for p in model.parameters():  # same order and row-major layout as hamlab's Mlp
    p.data.copy_(theta[o:o + p.numel()].view_as(p))
    o += p.numel()
assert o == theta.numel()
obs = torch.tensor(e['states'], dtype=torch.float64).view(L + 1, 2, B).permute(2, 0, 1).contiguous()
flat = lambda gs: torch.cat([g.reshape(-1) for g in gs])
lb, gb = T.loss_grad_backprop(model, obs, dt, 5, 1)
la, ga = T.loss_grad_adjoint(model, obs, dt, 40, 1, 40)
rb = ((torch.tensor(e['backprop'], dtype=torch.float64) - flat(gb)).norm() / flat(gb).norm()).item()
ra = ((torch.tensor(e['adjoint'], dtype=torch.float64) - flat(ga)).norm() / flat(ga).norm()).item()
print(f"loss: torch {lb.item():.15e} hamlab {e['loss_backprop']:.15e}")
print(f"backprop, 5 sweeps: relative difference {rb:.2e}")
print(f"adjoint (torch 40 sweeps/iterations, hamlab converged): relative difference {ra:.2e}")
sys.exit(0 if rb < 1e-10 and ra < 1e-10 else 1)
