"""ZeroPad2d, ReflectionPad1d/2d/3d, ReplicationPad1d/2d/3d and ConstantPad1d/2d/3d."""

__all__ = []
