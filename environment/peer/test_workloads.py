"""Checks that the peer computes what docs/benchmarks.md defines.
Run: /usr/bin/python3 -m unittest discover -s environment/peer"""
import json
import os
import subprocess
import sys
import unittest

import numpy as np
import torch

import numpy_workloads
import torch_workloads

PEER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "workloads.py")


class EnsembleTest(unittest.TestCase):

    def test_the_stacked_step_is_one_step_of_each_member_as_the_loop_takes_it(self):
        torch.manual_seed(0)
        stacked = torch_workloads.ensemble_modadd_step()
        torch.manual_seed(0)
        loop = torch_workloads.ensemble_modadd_loop_step()
        stacked()
        loop()
        stacked_members = stacked.model
        # stacked parameter, the member's parameter, and how the member's is laid out in the stack
        layouts = [(stacked_members.embedding, lambda m: m.embedding.weight, lambda t: t),
                   (stacked_members.hidden_weight, lambda m: m.hidden.weight, lambda t: t.T),
                   (stacked_members.hidden_bias, lambda m: m.hidden.bias, lambda t: t.unsqueeze(0)),
                   (stacked_members.out_weight, lambda m: m.out.weight, lambda t: t.T),
                   (stacked_members.out_bias, lambda m: m.out.bias, lambda t: t.unsqueeze(0))]
        for k, member in enumerate(step.model for step in loop.ops):
            for stack, parameter, layout in layouts:
                torch.testing.assert_close(stack.grad[k], layout(parameter(member).grad), atol=1e-6, rtol=1e-4)
                # Adam's first update is lr g / (|g| + 1e-8): rounding in a gradient near 1e-8 moves it by
                # a fraction of lr (3e-3); a wrong rate or decay would move it by about lr.
                torch.testing.assert_close(stack[k], layout(parameter(member)), atol=1e-4, rtol=0)

    def test_members_have_their_own_initialization_and_split(self):
        torch.manual_seed(0)
        first, second = torch_workloads.ensemble_members(2)
        self.assertFalse(torch.equal(first[0].embedding.weight, second[0].embedding.weight))
        self.assertFalse(torch.equal(first[1], second[1]))
        self.assertEqual(first[1].shape, (int(0.4 * 59 * 59), 2))


class TransformerTest(unittest.TestCase):

    def test_attention_does_not_see_later_positions(self):
        torch.manual_seed(0)
        attention = torch_workloads.CausalSelfAttention(d_model=8, heads=2, context=3)
        x = torch.randn(1, 3, 8)
        changed = x.clone()
        changed[0, 2] += 1
        torch.testing.assert_close(attention(x)[0, :2], attention(changed)[0, :2])
        self.assertFalse(torch.allclose(attention(x)[0, 2], attention(changed)[0, 2]))


class NumpyWorkloadsTest(unittest.TestCase):

    def test_matrix_entropy_equals_the_entropy_of_the_squared_singular_values(self):
        z = np.random.default_rng(0).standard_normal((1000, 200))
        zn = z / np.linalg.norm(z, axis=1, keepdims=True)
        eigenvalues = np.linalg.svd(zn / np.sqrt(len(zn)), compute_uv=False) ** 2
        self.assertAlmostEqual(numpy_workloads.matrix_entropy()(), -np.sum(eigenvalues * np.log(eigenvalues)),
                               places=9)

    def test_ksg_equals_kraskov_algorithm_1_by_brute_force(self):
        from scipy.special import digamma
        rng = np.random.default_rng(0)
        x = rng.standard_normal((2000, 4))
        y = 0.8 * x + 0.6 * rng.standard_normal((2000, 4))
        dx = np.abs(x[:, None] - x[None]).max(axis=2)
        dy = np.abs(y[:, None] - y[None]).max(axis=2)
        joint = np.maximum(dx, dy)
        np.fill_diagonal(joint, np.inf)
        eps = np.sort(joint, axis=1)[:, 2]
        nx = (dx < eps[:, None]).sum(axis=1) - 1
        ny = (dy < eps[:, None]).sum(axis=1) - 1
        expected = digamma(3) + digamma(2000) - np.mean(digamma(nx + 1) + digamma(ny + 1))
        self.assertAlmostEqual(numpy_workloads.ksg()(), expected, places=12)


class CommandLineTest(unittest.TestCase):

    def run_peer(self, *args):
        return subprocess.run([sys.executable, PEER, *args], capture_output=True, text=True)

    def test_prints_one_json_line_with_seconds_per_op(self):
        result = self.run_peer("ksg", "--steps", "2", "--threads", "1")
        self.assertEqual(result.returncode, 0, result.stderr)
        line = json.loads(result.stdout)
        self.assertEqual((line["workload"], line["threads"], line["warmup"], line["steps"]), ("ksg", 1, 1, 2))
        self.assertGreater(line["seconds_per_op"], 0)

    def test_names_a_bad_step_count(self):
        result = self.run_peer("ksg", "--steps", "0")
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("--steps: must be a positive integer, not 0", result.stderr)

    def test_names_an_unknown_workload(self):
        result = self.run_peer("matmul")
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("invalid choice: 'matmul'", result.stderr)

    def test_every_workload_is_defined_where_the_command_line_looks_for_it(self):
        import workloads
        defined = {**torch_workloads.WORKLOADS, **numpy_workloads.WORKLOADS}
        self.assertEqual(set(workloads.LIBRARY), set(defined))
        for name, library in workloads.LIBRARY.items():
            self.assertIn(name, {"torch": torch_workloads, "numpy": numpy_workloads}[library].WORKLOADS)


if __name__ == "__main__":
    unittest.main()
